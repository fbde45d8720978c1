/**
 * The calendar feed's addresses. The API gives a path (`/calendar/<token>.ics`) on its own origin,
 * which serves this client too: the address to copy is that path on the page's origin, and the
 * link a phone's calendar opens is the same address with the webcal scheme (which phones take as
 * "subscribe", over https where the origin is https).
 */
export function feedUrls(origin: string, path: string): { https: string; webcal: string } {
  const url = new URL(path, origin).href;
  return { https: url, webcal: url.replace(/^https?:/, 'webcal:') };
}
