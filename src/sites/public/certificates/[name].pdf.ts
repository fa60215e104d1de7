/** Certificates that public certifications offer for download: `/certificates/<certification id>.pdf`. */
import { getPublishedFiles } from '../../../lib/site.ts';
import { contentFiles } from '../../../render/content-files.ts';

export const { getStaticPaths, GET } = contentFiles('certificates', 'pdf', getPublishedFiles);
