/** A live link between a document and other copies of it (tabs, devices, a partner). */
export interface SyncConnection {
	/** Stops sending and receiving. */
	close(): void;
}
