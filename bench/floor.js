// The floors of the benchmark: the same work as the app's, done directly with Dexie on the app's
// own tables and indexes, in a page of the app (served beside the build as /__bench/floor.js and
// loaded with a script tag, which the CSP allows for the origin's own files). The import floor runs
// in the app opened on a second origin, whose store the app's import never touches. No app code here.
import Dexie from './dexie.js';

/** The app's database, opened as it is (no schema of our own). */
async function openAppDatabase() {
	const db = new Dexie('shouhou');
	await db.open();
	return db;
}

/** The database the import floor writes into: the app's notifications table, and nothing else. */
const FLOOR_DATABASE = 'shouhou-bench-floor';

/**
 * Reads the file, parses it, and `bulkPut`s its notifications in chunks in one transaction, into
 * a fresh database whose one table has exactly the app's notifications schema (key and every
 * index, read from the app's database), deleted afterwards. Not into the app's own table: records
 * written there and cleared leave the key range full of deleted entries until the storage engine
 * compacts them, which slowed the app's import that followed by a varying 10–30 s.
 */
async function importFloor(file, chunkSize) {
	const app = await openAppDatabase();
	const { primKey, indexes } = app.table('notifications').schema;
	const notifications = [primKey.src, ...indexes.map((index) => index.src)].join(', ');
	app.close();
	await Dexie.delete(FLOOR_DATABASE);
	const db = new Dexie(FLOOR_DATABASE);
	db.version(1).stores({ notifications });
	await db.open();
	const started = performance.now();
	const envelope = JSON.parse(await file.text());
	const table = db.table('notifications');
	await db.transaction('rw', table, async () => {
		for (let start = 0; start < envelope.notifications.length; start += chunkSize) {
			await table.bulkPut(envelope.notifications.slice(start, start + chunkSize));
		}
	});
	const ms = performance.now() - started;
	db.close();
	await Dexie.delete(FLOOR_DATABASE);
	return ms;
}

/** Reads every notification in key-ordered pages and serialises each page into a Blob part. */
async function exportFloor(pageSize) {
	const db = await openAppDatabase();
	const table = db.table('notifications');
	const started = performance.now();
	const blob = await db.transaction('r', table, async () => {
		const parts = [];
		let page = await table.orderBy('number').limit(pageSize).toArray();
		while (page.length > 0) {
			parts.push(JSON.stringify(page));
			const last = page[page.length - 1];
			page =
				page.length < pageSize
					? []
					: await table.where('number').above(last.number).limit(pageSize).toArray();
		}
		return new Blob(parts, { type: 'application/json' });
	});
	const ms = performance.now() - started;
	db.close();
	if (blob.size === 0) throw new Error('the export floor read nothing');
	return ms;
}

/** One page of the list the raw way: 40 outstanding notifications by the system-status index. */
async function listFloor() {
	const db = await openAppDatabase();
	const started = performance.now();
	const rows = await db
		.table('notifications')
		.where('systemStatus')
		.equals('OSNO')
		.limit(40)
		.toArray();
	const ms = performance.now() - started;
	db.close();
	if (rows.length === 0) throw new Error('the list floor read nothing');
	return ms;
}

/** Whether the overview's tally is current (its change counter is the list rows' counter). */
async function tallyState() {
	const db = await openAppDatabase();
	const [version, tally, snapshot] = await db
		.table('listMeta')
		.bulkGet(['version', 'overviewTallyVersion', 'snapshotVersion']);
	db.close();
	return {
		version: version?.value ?? 0,
		tally: tally?.value ?? -1,
		snapshot: snapshot?.value ?? -1
	};
}

/** How many parts of list rows a large import left to be written (the app's `pendingRows:` keys). */
async function pendingRows() {
	const db = await openAppDatabase();
	const count = await db.table('listMeta').where('key').startsWith('pendingRows:').count();
	db.close();
	return count;
}

window.benchFloor = {
	importFloor,
	exportFloor,
	listFloor,
	tallyState,
	pendingRows
};
