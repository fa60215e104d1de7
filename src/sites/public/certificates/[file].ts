/** Certificate files that public certifications offer for download. */
import { getPublicView } from '../../../lib/site.ts';
import { contentFiles } from '../../../render/content-files.ts';

export const { getStaticPaths, GET } = contentFiles(() => getPublicView().certifications.map((c) => c.certificateFile));
