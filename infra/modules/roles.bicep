// Data-plane roles one principal needs to run NewsMonitor: the app's managed identity, and optionally the
// developer who deployed it. Scoped to the single storage account and the single Application Insights
// component, never to the resource group.
param principalId string

@description('A value fixed before deployment that stands for the principal (the identity name, or the object id itself), so role assignment names are known in advance.')
param principalKey string

@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string

param storageAccountName string
param applicationInsightsName string

// Built-in role definition ids (the same in every tenant).
var storageRoleIds = [
  // Storage Blob Data Owner: the Functions host manages blob leases and containers, the app reads and writes blobs.
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // Storage Queue Data Contributor: queue triggers (feed-polls, alert-deliveries) and the app's enqueueing.
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Storage Table Data Contributor: the Functions host writes its diagnostic events to Table storage.
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
]

// Monitoring Metrics Publisher: lets the identity send telemetry to an Application Insights with local auth off.
var metricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoleIds: {
    name: guid(storage.id, principalKey, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: principalId
      principalType: principalType
    }
  }
]

resource telemetryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, principalKey, metricsPublisherRoleId)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', metricsPublisherRoleId)
    principalId: principalId
    principalType: principalType
  }
}
