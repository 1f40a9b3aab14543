import SitegenKit
print("sitegen")
