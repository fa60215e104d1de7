/** The organisation's logo, drawn as a PNG from the file the settings name. */
import { getPublicView } from '../../../lib/site.ts';
import { publishedFiles } from '../../../view/view.ts';
import { contentFiles } from '../../../render/content-files.ts';

export const { getStaticPaths, GET } = contentFiles('brand', () => publishedFiles(getPublicView()));
