// Real IndexedDB behaviour in Node for the store's tests (Dexie runs on it unchanged).
import 'fake-indexeddb/auto';
