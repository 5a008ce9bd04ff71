import { describeContract } from './suite'

describeContract('msw')
