/** Tables created by migration 0005-media (images and image_texts are 0001's, in schema.ts). */
export interface ImageRenditionsTable {
  image_id: string;
  /** 'avif' | 'webp' | 'jpeg' | 'png' */
  format: string;
  width: number;
  height: number;
  /** Public URL path, e.g. /media/<content hash>-800.avif */
  path: string;
  bytes: number;
}

/** One row per library image: its alt texts, captions and credits folded by foldForSearch. */
export interface ImageSearchTable {
  image_id: string;
  search_text: string;
}

export interface MediaTables {
  image_renditions: ImageRenditionsTable;
  image_search: ImageSearchTable;
}
