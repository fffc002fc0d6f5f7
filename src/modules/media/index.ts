export { DEFAULT_PROCESSING_LIMITS, MediaService, type MediaServiceDeps } from './media-service.js';
export { ProcessingPool, RETRY_AFTER_SECONDS, type ProcessingLimits, type ProcessingStats, type UploadTicket } from './processing-pool.js';
export { DEFAULT_MEDIA_LIMITS, searchTextOf, type ImageUpload, type MediaLimits } from './ingest-image.js';
export type { MediaStorage } from './media-storage.js';
export {
  ImageDecodeError,
  type EncodedImage,
  type ImageHeader,
  type ImageProcessor,
  type OutputFormat,
  type RenderRequest,
  type RenditionRequest,
  type SourceType,
} from './image-processor.js';
export type { LibraryQuery, MediaRepository, NewMediaImage } from './media-repository.js';
export type { MediaImage, MediaPage, MediaRendition, MediaText } from './media-types.js';
export { imageFieldsSchema, libraryQuerySchema, type ImageFields, type LibraryQueryInput } from './media-schema.js';
export { MIME, RENDITION_WIDTHS, RESPONSIVE_FORMATS, masterFormat, planRenditions, renditionFileName } from './rendition-plan.js';
export { sniffImageType, type SniffedType } from './sniff-image-type.js';
