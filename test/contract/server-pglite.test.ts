import { describeContract } from './suite'

describeContract('server-pglite')
