// The user-assigned identity the function app runs as. User-assigned rather than system-assigned so its
// roles can be granted before the app is created, and so it survives re-creating the app.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
