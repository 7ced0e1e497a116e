/**
 * A message from a table handed to a client component (`pickMessages`),
 * with its `{name}` placeholders filled; the key itself when it is missing,
 * so a forgotten key shows up instead of an empty string.
 */
export function formatMessage(
  messages: Record<string, string | undefined>,
  key: string,
  values: Record<string, string | number> = {},
): string {
  return (messages[key] ?? key).replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));
}
