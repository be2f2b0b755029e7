export * from './format'
export * from './bundle'
export * from './labels'
export * from './cells'
export * from './rules'
export * from './indicators'

export * from './versions'
