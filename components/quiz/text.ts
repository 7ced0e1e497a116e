import { formatMessage } from "@/lib/i18n/format-message";

/** The quiz components' strings: the messages the page picked (pickMessages), with {placeholders} filled. */
export type Messages = Record<string, string | undefined>;
export type Text = (key: string, values?: Record<string, string | number>) => string;

export function makeText(messages: Messages): Text {
  return (key, values) => formatMessage(messages, key, values);
}

/** A score in [0, 1] as a whole percentage. */
export const percent = (score: number) => Math.round(score * 100);

/** A, B, C… for the shown position of an option. */
export const letter = (position: number) => String.fromCharCode(65 + position);
