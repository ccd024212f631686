import fontUrl from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff?url';

/** The bundled CJK font (WOFF): the UI font, and the PDF font once converted to TrueType. */
export const CJK_FONT_URL = fontUrl;

/** The family name the stylesheet asks for. */
export const CJK_FONT_FAMILY = 'Noto Sans SC';

/**
 * Makes the shipped font available to the UI, so Chinese renders on machines without a CJK
 * system font. The file is precached by the service worker, so this works offline.
 */
export async function loadUiFont(): Promise<void> {
	if (typeof FontFace === 'undefined' || typeof document === 'undefined') return;
	const face = new FontFace(CJK_FONT_FAMILY, `url(${CJK_FONT_URL}) format('woff')`, {
		display: 'swap'
	});
	document.fonts.add(face);
	try {
		await face.load();
	} catch (error) {
		console.error('the UI font could not be loaded', error);
	}
}
