import { KITCHEN_SCREEN, manifestResponse } from '@/lib/web-manifest';

/** The kitchen screen's web app manifest (public: it names the page, nothing more). */
export const GET = () => manifestResponse(KITCHEN_SCREEN);
export const dynamic = 'force-static';
