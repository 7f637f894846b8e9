/** " (10 years ago, age 67)" on screen; " (age 67)" in print, where "ago" means nothing (absolute dates only). */
export function DateAside({ ago, age }: { ago: string; age: string }) {
  if (!ago && !age) return null;
  if (!age) return <span className="nlc-rel">{` (${ago})`}</span>;
  return (
    <>
      {" ("}
      {ago && <span className="nlc-rel">{`${ago}, `}</span>}
      {`${age})`}
    </>
  );
}
