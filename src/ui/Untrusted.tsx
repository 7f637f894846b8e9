/**
 * Text from the record or the server: bidirectional controls removed (an override would reverse the text
 * beside it), clipped, isolated for direction (<bdi>: a right-to-left record string cannot reorder its
 * neighbours), always rendered as inert React text.
 */
import { clip, MAX_TEXT } from "../report/format";
import { stripBidi } from "../report/markdownSafe";

export function Untrusted({ text, max = MAX_TEXT }: { text: string | undefined; max?: number }) {
  return <bdi>{clip(stripBidi(text ?? ""), max)}</bdi>;
}
