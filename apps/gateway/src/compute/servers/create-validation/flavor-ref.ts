/**
 * The flavor id in a `flavorRef`, as Nova's common.get_id_from_href reads it: the last segment of
 * the path of `urllib.parse.urlsplit(str(ref))`, so `42`, `http://cloud/flavors/42?x` and
 * `/v2.1/flavors/42` all name flavor 42 (and, as in Nova, `m1:small` names `small`: a scheme).
 */
export function flavorIdFromRef(ref: string | number): string {
  // urlsplit drops leading C0 controls and spaces, and every tab and line break.
  let url = String(ref)
    // eslint-disable-next-line no-control-regex -- Python's _WHATWG_C0_CONTROL_OR_SPACE, on purpose
    .replace(/^[\x00-\x20]+/, '')
    .replace(/[\t\r\n]/g, '');
  const colon = url.indexOf(':');
  if (colon > 0 && /^[A-Za-z][A-Za-z0-9+.-]*$/.test(url.slice(0, colon))) url = url.slice(colon + 1);
  if (url.startsWith('//')) {
    const ends = ['/', '?', '#'].map((delimiter) => url.indexOf(delimiter, 2)).filter((index) => index >= 0);
    url = ends.length > 0 ? url.slice(Math.min(...ends)) : '';
  }
  const path = url.split('#')[0].split('?')[0];
  return path.slice(path.lastIndexOf('/') + 1);
}
