import { KITCHEN_SCREEN, manifestResponse } from '@/lib/web-manifest';
import { notAllowed } from '@/lib/http';

/** The kitchen screen's web app manifest (public: it names the page, nothing more). */
export const GET = () => manifestResponse(KITCHEN_SCREEN);
export const dynamic = 'force-static';

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
