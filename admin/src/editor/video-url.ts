/**
 * YouTube and Vimeo page, share and embed URLs → { provider, videoId }, checked against the same
 * id patterns as the document schema. Anything else (other hosts, playlists, channels) → null.
 */
import { VIDEO_ID_PATTERNS, type VideoProvider } from '../../../src/modules/content/document/url-policy';

export interface VideoRef {
  provider: VideoProvider;
  videoId: string;
}

const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'music.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);

export function parseVideoUrl(input: string): VideoRef | null {
  let url: URL;
  try {
    const text = input.trim();
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter((s) => s !== '');

  if (host === 'youtu.be') return youtube(segments[0]);
  if (YOUTUBE_HOSTS.has(host)) {
    if (segments[0] === 'watch') return youtube(url.searchParams.get('v') ?? undefined);
    if (segments[0] === 'embed' || segments[0] === 'shorts' || segments[0] === 'live' || segments[0] === 'v') return youtube(segments[1]);
    return null;
  }
  if (VIMEO_HOSTS.has(host)) {
    // vimeo.com/123, vimeo.com/123/abcdef (unlisted hash), player.vimeo.com/video/123,
    // vimeo.com/channels/staffpicks/123, vimeo.com/groups/name/videos/123
    if (host === 'player.vimeo.com') return segments[0] === 'video' ? vimeo(segments[1]) : null;
    if (segments[0] === 'channels') return vimeo(segments[2]);
    if (segments[0] === 'groups') return segments[2] === 'videos' ? vimeo(segments[3]) : null;
    return vimeo(segments[0]);
  }
  return null;
}

function youtube(id: string | undefined): VideoRef | null {
  return id !== undefined && VIDEO_ID_PATTERNS.youtube.test(id) ? { provider: 'youtube', videoId: id } : null;
}

function vimeo(id: string | undefined): VideoRef | null {
  return id !== undefined && VIDEO_ID_PATTERNS.vimeo.test(id) ? { provider: 'vimeo', videoId: id } : null;
}
