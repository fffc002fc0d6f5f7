/**
 * The image codec port: the module plans what to produce, an adapter (sharp) decodes and encodes.
 * Every output is auto-oriented (EXIF orientation applied to the pixels) and carries no metadata.
 */
export type SourceType = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';
export type OutputFormat = 'jpeg' | 'png' | 'webp' | 'avif';

export interface ImageHeader {
  /** Dimensions as displayed, i.e. after the EXIF orientation is applied. */
  width: number;
  height: number;
  hasAlpha: boolean;
}

export interface RenditionRequest {
  format: OutputFormat;
  /** Target width; the height follows the aspect ratio. Never larger than the source. */
  width: number;
}

export interface RenderRequest {
  /** Decoding refuses sources with more pixels than this (decompression bombs). */
  maxPixels: number;
  /** The full-size re-encoding, the fallback every browser can show. */
  master: OutputFormat;
  variants: readonly RenditionRequest[];
}

export interface EncodedImage {
  format: OutputFormat;
  width: number;
  height: number;
  bytes: Uint8Array;
}

export interface ImageProcessor {
  /** Reads dimensions from the header only, without decoding the pixels. */
  readHeader(bytes: Uint8Array): Promise<ImageHeader>;
  render(bytes: Uint8Array, request: RenderRequest): Promise<{ master: EncodedImage; variants: EncodedImage[] }>;
}

/** The bytes are not a decodable image (unknown format, truncated, corrupt). */
export class ImageDecodeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImageDecodeError';
  }
}
