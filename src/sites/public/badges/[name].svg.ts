/** One badge per public certification: `/badges/<certification id>.svg`, shown in the home page's row of badges. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublicView, getToday } from '../../../lib/site.ts';
import { badgeSvg } from '../../../render/badge.ts';
import type { PublicCertification } from '../../../view/view.ts';

export const getStaticPaths: GetStaticPaths = () => getPublicView().certifications.map((cert) => ({ params: { name: cert.id }, props: { cert } }));

export const GET: APIRoute = ({ props }) => new Response(badgeSvg((props as { cert: PublicCertification }).cert, getToday()), { headers: { 'Content-Type': 'image/svg+xml' } });
