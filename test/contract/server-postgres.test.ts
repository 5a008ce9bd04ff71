import { describeContract } from './suite'

describeContract('server-postgres')
