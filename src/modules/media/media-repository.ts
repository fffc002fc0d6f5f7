import type { MediaImage } from './media-types.js';

export interface NewMediaImage extends MediaImage {
  /** Folded alt texts, captions and credits (foldForSearch), matched by library searches. */
  searchText: string;
}

export interface LibraryQuery {
  /** Folded terms; an image matches when its search text contains every one. None: all images. */
  terms: readonly string[];
  page: number;
  pageSize: number;
}

export interface MediaRepository {
  /** Writes the image, its texts, renditions and search text in one transaction. */
  create(image: NewMediaImage): Promise<void>;
  /** Newest first. */
  search(query: LibraryQuery): Promise<{ items: MediaImage[]; total: number }>;
  /** The image with its texts and renditions; null when there is none with this id. */
  findById(id: string): Promise<MediaImage | null>;
}
