// Town list: once a region is chosen, offer only its departments (the server still checks).
(function () {
  "use strict";
  var region = document.getElementById("filtre-region");
  var department = document.getElementById("filtre-departement");
  if (!region || !department) {
    return;
  }
  // Departments are grouped under their region's name, as the region select shows it.
  function restrict() {
    var chosen = region.value === "" ? "" : region.options[region.selectedIndex].text;
    var groups = department.querySelectorAll("optgroup");
    for (var i = 0; i < groups.length; i++) {
      var hidden = chosen !== "" && groups[i].label !== chosen;
      groups[i].hidden = hidden;
      groups[i].disabled = hidden;
    }
    var selected = department.options[department.selectedIndex];
    if (selected && selected.parentNode.disabled) {
      department.value = "";
    }
  }
  region.addEventListener("change", restrict);
  restrict();
})();
