/**
 * ECharts inserts a tooltip formatter's string into the page as HTML, so every string a user
 * typed (arm labels, run names) is escaped before it goes into one. Canvas text (legends,
 * titles, axis and graph labels) is drawn, not parsed, and needs no escaping.
 */
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]);
}
