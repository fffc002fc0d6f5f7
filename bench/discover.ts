/**
 * Finds the pages to load-test from the edition home's links (the server's URL contract).
 */
export const STORY_HREF = /^\/en\/\d{4}\/\d{2}\/[^"/]+$/;
export const TOPIC_HREF = /^\/en\/topics\/[^"/]+$/;

/** Every href attribute value in an HTML document, in document order. */
export function hrefs(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/\bhref\s*=\s*(["'])(.*?)\1/gis)) {
    const value = match[2];
    if (value !== undefined) found.push(value.replaceAll('&amp;', '&'));
  }
  return found;
}

/** The first story link and the first topic link on the home page. */
export function discoverLinks(homeHtml: string): { story: string; topic: string } {
  const links = hrefs(homeHtml);
  const story = links.find((href) => STORY_HREF.test(href));
  const topic = links.find((href) => TOPIC_HREF.test(href));
  if (story === undefined) throw new Error('the edition home /en/ links to no story (/en/YYYY/MM/slug)');
  if (topic === undefined) throw new Error('the edition home /en/ links to no topic (/en/topics/slug)');
  return { story, topic };
}
