// The native storage functions for tests (the built addon, through the one loader).
import { type StorageNative, loadStorageNative } from '@vecgres/native-bindings';

export function testNative(): StorageNative {
  return loadStorageNative();
}
