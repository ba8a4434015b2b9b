import { openBindingsTestBed } from '../../testing/bindings-test-bed';
import { selectPodRaceSuite } from '../../testing/select-pod-race.suite';

selectPodRaceSuite('PGlite', 'pglite', () => openBindingsTestBed());
