/** The organisation's logo, copied from the content folder. */
import { getPublicView } from '../../../lib/site.ts';
import { contentFiles } from '../../../render/content-files.ts';

export const { getStaticPaths, GET } = contentFiles(() => [getPublicView().organisation.brand.logo]);
