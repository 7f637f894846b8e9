/** Text from the record or the server: clipped, isolated for direction (<bdi>), always rendered as inert React text. */
import { clip, MAX_TEXT } from "../report/format";

export function Untrusted({ text, max = MAX_TEXT }: { text: string | undefined; max?: number }) {
  return <bdi>{clip(text, max)}</bdi>;
}
