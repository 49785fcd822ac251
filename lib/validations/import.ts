/**
 * The admin import's form (/admin/import): the export (.xml, required), the uploads archive (.zip, optional)
 * and "try it first". The browser checks the files it holds; the server checks them again as they arrive
 * (lib/wordpress/import-upload.ts) and parses the start request with importStartSchema.
 */
import { z } from 'zod';

const GB = 1024 ** 3;

/** A file input's FileList, seen only through what is checked (jsdom and browsers alike). */
type ChosenFiles = { length: number; [index: number]: { name: string; size: number } | undefined };
const chosen = z.custom<ChosenFiles>((v) => typeof v === 'object' && v !== null && typeof (v as ChosenFiles).length === 'number');
const first = (files: ChosenFiles | undefined) => (files && files.length > 0 ? files[0] : undefined);

export const importFormSchema = z.object({
  exportFile: chosen
    .refine((files) => first(files) !== undefined, 'Choose the export file (.xml) WordPress made for you.')
    .refine((files) => !first(files) || /\.xml$/i.test(first(files)!.name), 'The export is an .xml file: in WordPress, Tools → Export → All content.')
    .refine((files) => !first(files) || first(files)!.size <= 2 * GB, 'The export is larger than 2 GB: export the site in parts.'),
  uploadsFile: chosen
    .optional()
    .refine((files) => !first(files) || /\.zip$/i.test(first(files)!.name), 'The uploads must be a .zip of wp-content/uploads.')
    .refine((files) => !first(files) || first(files)!.size <= 4 * GB, 'The uploads archive is larger than 4 GB.'),
  dryRun: z.boolean(),
});
export type ImportFormInput = z.input<typeof importFormSchema>;

/** The start request, after the files arrived: which upload, the export's name for the page's heading, dry run or not. */
export const importStartSchema = z.object({
  uploadId: z.string().uuid(),
  fileName: z.string().trim().min(1).max(255),
  dryRun: z.boolean(),
});
