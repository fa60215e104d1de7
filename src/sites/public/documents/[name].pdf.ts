/** Files of public documents: `/documents/<document id>.pdf`. On-request, NDA and internal documents have none. */
import { getPublishedFiles } from '../../../lib/site.ts';
import { contentFiles } from '../../../render/content-files.ts';

export const { getStaticPaths, GET } = contentFiles('documents', 'pdf', getPublishedFiles);
