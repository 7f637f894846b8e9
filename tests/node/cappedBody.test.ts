/**
 * The Node side's one capped body reader (node/cappedBody.ts), shared by the FHIR read path and the app
 * server's OAuth calls: a declared length over a cap is refused before reading; a body that streams past a
 * cap is cancelled there (the rest is never pulled); a shared budget is charged chunk by chunk.
 */
import { describe, expect, it } from "vitest";
import { BodyTooLarge, checkDeclaredLength, readCapped } from "../../node/cappedBody";

/** A stream of `chunks` chunks of `size` bytes that counts how many were pulled and whether it was cancelled. */
function counted(chunks: number, size: number) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.pulled === chunks) return controller.close();
        seen.pulled++;
        controller.enqueue(new Uint8Array(size).fill(65));
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

describe("readCapped", () => {
  it("answers every byte of a body within the cap", async () => {
    const { stream } = counted(3, 10);
    const bytes = await readCapped(stream, { maxBytes: 30 });
    expect(bytes.byteLength).toBe(30);
    expect(new TextDecoder().decode(bytes)).toBe("A".repeat(30));
  });

  it("cancels the stream at the first chunk past the cap", async () => {
    const { stream, seen } = counted(1000, 10);
    await expect(readCapped(stream, { maxBytes: 25 })).rejects.toEqual(new BodyTooLarge("response"));
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBe(3);
  });

  it("charges a shared budget and refuses past the room left in it", async () => {
    let room = 25;
    const { stream, seen } = counted(10, 10);
    const refusal = readCapped(stream, { maxBytes: 1000, room: () => room, spend: (n) => (room -= n) });
    await expect(refusal).rejects.toEqual(new BodyTooLarge("room"));
    expect(room).toBe(5);
    expect(seen.cancelled).toBe(true);
  });
});

describe("checkDeclaredLength", () => {
  const answer = (length: string) => new Response("x", { headers: { "Content-Length": length } });
  it("refuses a declared length over the response cap or the room left, and lets others through", () => {
    expect(() => checkDeclaredLength(answer("101"), { maxBytes: 100 })).toThrow(new BodyTooLarge("response"));
    expect(() => checkDeclaredLength(answer("60"), { maxBytes: 100, room: () => 50 })).toThrow(new BodyTooLarge("room"));
    expect(() => checkDeclaredLength(answer("100"), { maxBytes: 100, room: () => 100 })).not.toThrow();
  });
});
