import type { SiteRecord } from '../../../scripts/lib/site/types.ts';

export interface GalleryFigure {
  path: string;
  caption: string;
  label?: string;
  alt: string;
}

const IMAGE = /\.(svg|png|jpe?g|gif|webp|avif)$/i;

/** The record's figures: those its results list (in order, with captions), then other images it serves. */
export function figuresOf(record: SiteRecord): GalleryFigure[] {
  const published = new Map(
    record.files.filter((file) => file.published).map((file) => [file.path, file]),
  );
  const figures: GalleryFigure[] = [];
  const seen = new Set<string>();
  for (const figure of record.metadata.results?.figures ?? []) {
    if (!published.has(figure.file) || !IMAGE.test(figure.file) || seen.has(figure.file)) continue;
    seen.add(figure.file);
    const entry: GalleryFigure = {
      path: figure.file,
      caption: figure.caption,
      alt: figure.caption,
    };
    if (figure.label) entry.label = figure.label;
    figures.push(entry);
  }
  for (const file of published.values()) {
    if (seen.has(file.path) || !IMAGE.test(file.path)) continue;
    if (file.kind && file.kind !== 'figure' && file.kind !== 'image') continue;
    seen.add(file.path);
    const caption = file.description ?? file.path.split('/').at(-1) ?? file.path;
    figures.push({ path: file.path, caption, alt: caption });
  }
  return figures;
}
