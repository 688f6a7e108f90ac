// Town list: once a region is chosen, offer only its departments (the server still checks).
(function () {
  "use strict";
  var region = document.getElementById("filtre-region");
  var department = document.getElementById("filtre-departement");
  if (!region || !department) {
    return;
  }
  function restrict() {
    var groups = department.querySelectorAll("optgroup[data-region]");
    for (var i = 0; i < groups.length; i++) {
      var hidden = region.value !== "" && groups[i].getAttribute("data-region") !== region.value;
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
