/** Shared frame of every mail: plain text and a simple HTML version with the same content. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

export function composeMail(options: { paragraphs: string[]; action: { label: string; url: string } }): {
  text: string;
  html: string;
} {
  const text = [...options.paragraphs, `${options.action.label}: ${options.action.url}`, "", "— imagesfactory"].join(
    "\n\n",
  );
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${options.paragraphs
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join(
      "",
    )}<p><a href="${escapeHtml(options.action.url)}">${escapeHtml(options.action.label)}</a></p><p>— imagesfactory</p></body></html>`;
  return { text, html };
}
