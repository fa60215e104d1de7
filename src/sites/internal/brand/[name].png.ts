/** The organisation's logo, drawn as a PNG from the file the settings name. */
import { getInternalFiles } from '../../../lib/site.ts';
import { contentFiles } from '../../../render/content-files.ts';

export const { getStaticPaths, GET } = contentFiles('brand', 'png', getInternalFiles);
