import type { OutputFormat } from './image-processor.js';

export interface MediaRendition {
  format: OutputFormat;
  width: number;
  height: number;
  /** Public URL path, e.g. /media/<name>. */
  path: string;
  bytes: number;
}

/** Alt text and caption in one language. */
export interface MediaText {
  locale: string;
  alt: string;
  caption: string | null;
}

/** An image of the library: the full-size master (path, width, height, mime) and its renditions. */
export interface MediaImage {
  id: string;
  path: string;
  width: number;
  height: number;
  mime: string;
  creditAgency: string | null;
  creditPhotographer: string | null;
  texts: MediaText[];
  /** Every stored file, the master included; empty for images stored as one file (demo, imports). */
  renditions: MediaRendition[];
  createdAt: Date;
}

export interface MediaPage {
  items: MediaImage[];
  total: number;
  page: number;
  pageSize: number;
}
