/**
 * Saves text as a file the way a page can: a Blob behind a temporary `<a download>` that is clicked
 * and removed. In the desktop app Electron turns the click into its save dialog; in a browser tab it
 * is an ordinary download. The object URL is let go once the click has been handled.
 */
export function downloadText(filename: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
