/**
 * The one place the report escapes text for HTML. Every string that reaches report.html or its
 * SVG charts (column names, labels, reasons, recipient, numbers) goes through `esc`, in element
 * content and in attribute values alike.
 */
export function esc(v: string | number): string {
  return String(v).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
