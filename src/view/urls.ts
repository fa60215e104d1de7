/**
 * Every URL of both sites is made here, so that pages, components, the sitemap, feeds and
 * redirects agree. An anchor a page gives an element comes from here too, beside the link
 * that targets it, so that the two cannot drift apart.
 */
import { controlSlug } from '../model/catalog.ts';

// ---------------------------------------------------------------------------
// Both sites

/** A control's page: `/controls/a-8-24/` on the trust center and in the handbook alike. */
export const controlPath = (id: string) => `/controls/${controlSlug(id)}/`;
/** A policy's page, on either site. */
export const policyPath = (id: string) => `/policies/${id}/`;
/** A `mailto:` link to an email address. */
export const mailtoHref = (email: string) => `mailto:${email}`;
/** How a contact URI reads on a page: an email address without its `mailto:`, any other URL as written. */
export const contactText = (uri: string) => uri.replace(/^mailto:/, '');
/** The home page of either site. */
export const homePath = '/';
/** The logo, rasterised to PNG whatever its source format: an SVG is never served from the site. */
export const logoPath = '/brand/logo.png';
/** Pagefind's interface, which the build writes beside each site's index. */
export const searchAssets = { css: '/pagefind/pagefind-ui.css', js: '/pagefind/pagefind-ui.js' } as const;

// ---------------------------------------------------------------------------
// The trust center

export const publicPaths = {
  home: homePath,
  controls: '/controls/',
  policies: '/policies/',
  subprocessors: '/subprocessors/',
  answers: '/answers/',
  updates: '/updates/',
  documents: '/documents/',
  search: '/search/',
  feed: '/updates/feed.xml',
  trustJson: '/trust.json',
  trustSchema: '/trust.schema.json',
  badge: '/badge.svg',
  sitemap: '/sitemap.xml',
} as const;

/** A theme's section of the controls page: `/controls/#technological`. */
export const controlsThemePath = (theme: string) => `${publicPaths.controls}#${theme}`;
export const answerPath = (id: string) => `/answers/${id}/`;
/** The answer's anchor on the page of all answers. */
export const answerAnchor = (id: string) => `${publicPaths.answers}#${id}`;
/** A topic's section of the answers page, by the anchor the public view gives it. */
export const answersTopicPath = (anchor: string) => `${publicPaths.answers}#${anchor}`;
export const updatePath = (id: string) => `${publicPaths.updates}#${id}`;
/** A subprocessor's row on the page of all subprocessors. */
export const subprocessorAnchor = (id: string) => `${publicPaths.subprocessors}#${id}`;
/** A certification's certificate: named after the certification, so the link survives a renewal. */
export const certificatePath = (certificationId: string) => `/certificates/${certificationId}.pdf`;
/** A public document's file, named after the document. */
export const documentFilePath = (documentId: string) => `/documents/${documentId}.pdf`;
/** A document's entry in the documents library. */
export const documentAnchor = (documentId: string) => `/documents/#${documentId}`;
/** A certification's card on the home page. */
export const certificationAnchor = (certificationId: string) => `/#cert-${certificationId}`;
/** A certification's badge. */
export const badgePath = (certificationId: string) => `/badges/${certificationId}.svg`;

/** The page a path names, without its slashes: `/controls/a-8-24/` → `controls/a-8-24`, `/` → `index`. */
const pageName = (pagePath: string) => pagePath.replace(/^\/|\/$/g, '') || 'index';
/** The Open Graph image of a page: `/controls/a-8-24/` → `/og/controls/a-8-24.png`. */
export const ogImagePath = (pagePath: string) => `/og/${pageName(pagePath)}.png`;
/** The route parameter of that image (`[...path].png`): `/controls/a-8-24/` → `controls/a-8-24`. */
export const ogImageParam = (pagePath: string) => pageName(pagePath);

// ---------------------------------------------------------------------------
// The handbook

export const internalPaths = {
  dashboard: homePath,
  soa: '/soa/',
  soaXlsx: '/soa.xlsx',
  soaCsv: '/soa.csv',
  policies: '/policies/',
  evidence: '/evidence/',
  documents: '/documents/',
  evidenceCsv: '/evidence.csv',
  risks: '/risks/',
  people: '/people/',
  frameworks: '/frameworks/',
  clauses: '/clauses/',
  answers: '/answers/',
  search: '/search/',
} as const;

/** A theme's table in the SoA: `/soa/#technological`. */
export const soaThemePath = (theme: string) => `${internalPaths.soa}#${theme}`;
/** The SoA filtered to one state: `/soa/?status=partial`. */
export const soaStatusPath = (state: string) => `${internalPaths.soa}?status=${state}`;
/** The anchor of a control's row in the SoA. */
export const soaRowAnchor = (id: string) => controlSlug(id);
export const personPath = (id: string) => `${internalPaths.people}${id}/`;
/** An evidence item's row in the register, anchored by its id. */
export const evidencePath = (id: string) => `${internalPaths.evidence}#${id}`;
/** A risk's row in the register, anchored by its id. */
export const riskPath = (id: string) => `${internalPaths.risks}#${id}`;
/** The anchor of a clause's row on the clauses page. */
export const clauseAnchor = (id: string) => `clause-${id}`;
export const clausePath = (id: string) => `${internalPaths.clauses}#${clauseAnchor(id)}`;
/** A framework's section of the frameworks page. */
export const frameworkPath = (key: string) => `${internalPaths.frameworks}#${key}`;

/** What a request for access names: the document, when it is about one. */
export interface RequestSubject {
  id: string;
  title: string;
  access: 'public' | 'on-request' | 'nda';
}

/**
 * A static request for access, prefilled: with `contact.requestUrl` an https form, its address with
 * the document's id and title and the organisation as query parameters (named by
 * `contact.requestFields`); otherwise an e-mail to `contact.requestUrl` (a `mailto:`) or
 * `contact.email`, whose subject names the document and whose body names it, the organisation and
 * the page, with blank lines for the requester's name, company, e-mail and reason. Every value is
 * percent-encoded by `URL`/`encodeURIComponent`, never pasted into the address.
 */
export function requestAccessHref(contact: { email: string; requestUrl?: string | undefined; requestFields: { document: string; title: string; organisation: string } }, organisation: string, pageUrl: string, doc?: RequestSubject): string {
  if (contact.requestUrl?.startsWith('https:')) {
    const url = new URL(contact.requestUrl);
    if (doc) {
      url.searchParams.set(contact.requestFields.document, doc.id);
      url.searchParams.set(contact.requestFields.title, doc.title);
    }
    url.searchParams.set(contact.requestFields.organisation, organisation);
    return url.href;
  }
  const to = contact.requestUrl ? contactText(contact.requestUrl).split('?')[0]! : contact.email;
  const subject = doc ? `Access request: ${doc.title}` : `Access request: ${organisation} security documents`;
  const body = [
    doc ? `Document: ${doc.title} (${doc.id})` : 'Documents: (name the ones you need)',
    ...(doc?.access === 'nda' ? ['Shared under a non-disclosure agreement.'] : []),
    `Trust center: ${organisation}, ${pageUrl}`,
    '',
    'Your name: ',
    'Your company: ',
    'Your work e-mail: ',
    'Why you need it: ',
  ].join('\r\n');
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
