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

/** Every distinct story link on the edition home, in page order. */
export function storyLinks(homeHtml: string): string[] {
  const stories = [...new Set(hrefs(homeHtml).filter((href) => STORY_HREF.test(href)))];
  if (stories.length === 0) throw new Error('the edition home /en/ links to no story (/en/YYYY/MM/slug)');
  return stories;
}

/** Whether a story page, as an anonymous reader gets it, stops at the paywall. */
export function showsPaywall(storyHtml: string): boolean {
  return storyHtml.includes('class="paywall"');
}

/** The first topic link on a story page (stories link their topics). */
export function discoverTopic(storyHtml: string, storyPath: string): string {
  const topic = hrefs(storyHtml).find((href) => TOPIC_HREF.test(href));
  if (topic === undefined) throw new Error(`the story ${storyPath} links to no topic (/en/topics/slug)`);
  return topic;
}
