/**
 * Saves text as a file through a Blob URL: the bytes go from this page to the user's disk,
 * nothing travels over the network.
 */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy by the time the click returns; the URL only needs to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
