// One storage account for everything: the Functions host (leases, timers, queues), the deployment package,
// and the service's own data (matches, feed state, subscriptions, deliveries in container `newsmonitor`).
// Access is by Entra ID only: shared keys are off, so no connection string with a key exists anywhere.
param name string
param location string
param tags object

@description('Container of the service data; the app reads its name from Monitor__Storage__ContainerName.')
param dataContainerName string = 'newsmonitor'

@description('Container Flex Consumption deploys the app package into.')
param deploymentContainerName string = 'app-package'

// The queues the functions use; the host would create them on first use, creating them here makes them
// visible (and their poison queues inspectable) from the first deployment on.
var queueNames = [
  'feed-polls'
  'feed-polls-poison'
  'alert-deliveries'
  'alert-deliveries-poison'
]

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    // Deleted matches or subscriptions can be recovered for a week.
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource dataContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: dataContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2024-01-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output dataContainerName string = dataContainer.name
output deploymentContainerName string = deploymentContainer.name
