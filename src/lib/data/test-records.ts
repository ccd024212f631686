import { saveRecord, sha256OfBlob } from './records';
import { defaultConfiguration } from '../domain/configuration';
import type { Actor } from '../domain/actor';
import { makeRecordFields } from '../domain/records/test-records';
import type { ImageRef } from '../domain/records/record';

/** A tiny PNG-typed signature image and its reference, hashed as the app hashes it. */
export async function makeSignature(): Promise<{ ref: ImageRef; blob: Blob }> {
	const blob = new Blob([new Uint8Array([137, 80, 78, 71, 1, 2, 3])], { type: 'image/png' });
	const sha256 = await sha256OfBlob(blob);
	const ref: ImageRef = {
		name: `${sha256}.png`,
		sha256,
		type: 'image/png',
		bytes: blob.size,
		width: 600,
		height: 200
	};
	return { ref, blob };
}

/** Saves a service form with the customer's SM09 acceptance for a stored notification (tests). */
export async function saveAcceptedServiceForm(
	notification: string,
	actor: Actor,
	now = new Date()
) {
	const image = await makeSignature();
	const result = await saveRecord({
		kind: 'serviceForm',
		notification,
		fields: makeRecordFields('serviceForm', {
			acceptance: { customerName: '王先生', signature: image.ref, acceptedAt: now.toISOString() }
		}),
		images: [image],
		actor,
		configuration: defaultConfiguration,
		now
	});
	if (!result.ok) throw new Error(`service form refused: ${result.refusal.code}`);
	return result;
}
