/**
 * How code is coloured, in the editor and in read-only code alike: lezer's
 * `tok-*` classes (styled in app/globals.css, editor block), plus one for
 * names being called or defined as functions, which `classHighlighter`
 * leaves as plain variables.
 */
import { classHighlighter, tagHighlighter, tags, type Highlighter } from "@lezer/highlight";

const functionNames = tagHighlighter([
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], class: "tok-function" },
]);

export const codeHighlighters: readonly Highlighter[] = [classHighlighter, functionNames];
