/** The organisation's logo, copied from the content folder. */
import { getInternalView } from '../../../lib/site.ts';
import { contentFiles } from '../../../render/content-files.ts';

export const { getStaticPaths, GET } = contentFiles(() => [getInternalView().settings?.brand.logo]);
