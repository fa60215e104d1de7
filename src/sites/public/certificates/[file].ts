/** Certificates that public certifications offer for download: `/certificates/<certification id>.pdf`. */
import { getPublicView } from '../../../lib/site.ts';
import { publishedFiles } from '../../../view/view.ts';
import { contentFiles } from '../../../render/content-files.ts';

export const { getStaticPaths, GET } = contentFiles('certificates', () => publishedFiles(getPublicView()));
