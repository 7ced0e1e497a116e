/** A client component's translator over the messages its page picked (pickMessages). */
import { formatMessage } from "@/lib/i18n/format-message";

export type ClientMessages = Partial<Record<string, string>>;

export function clientTranslator(messages: ClientMessages) {
  return (key: string, values?: Record<string, string | number>) => formatMessage(messages, key, values);
}

type ErrorBody = { error?: { message?: Record<string, string>; issues?: { path: string; message: Record<string, string> }[] } };

/** The API's bilingual error in the reader's language, each field's problem after it. */
export async function describeFailure(response: Response, locale: string): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  const messages = [body.error?.message?.[locale], ...(body.error?.issues ?? []).map((issue) => issue.message[locale])].filter(
    (message, index, all): message is string => !!message && all.indexOf(message) === index,
  );
  return messages.length > 0 ? messages.join(" ") : `HTTP ${response.status}`;
}
