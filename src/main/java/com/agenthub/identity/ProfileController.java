package com.agenthub.identity;

import com.agenthub.shared.web.InvalidRequestException;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own name and password; any signed-in user, with or without an organization. */
@Controller
class ProfileController {

    private final UserAccounts users;
    private final OtherSessions otherSessions;

    ProfileController(UserAccounts users, OtherSessions otherSessions) {
        this.users = users;
        this.otherSessions = otherSessions;
    }

    record NameForm(@NotBlank(message = "Enter your name.") @Size(max = 80, message = "Up to 80 characters.") String displayName) {
    }

    record PasswordForm(@NotBlank(message = "Enter your current password.") String currentPassword,
                        @NotBlank(message = "Choose a new password.") String newPassword,
                        String confirmPassword) {
    }

    @GetMapping("/settings/profile")
    String show(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("nameForm", new NameForm(users.findById(user.userId()).orElseThrow().displayName()));
        model.addAttribute("passwordForm", new PasswordForm("", "", ""));
        return "settings/profile";
    }

    @PostMapping("/settings/profile/name")
    String rename(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("nameForm") NameForm form,
                  BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                users.rename(user.userId(), form.displayName());
                redirect.addFlashAttribute("success", "Your name is saved.");
                return "redirect:/settings/profile";
            } catch (InvalidRequestException e) {
                binding.rejectValue("displayName", "invalid", e.getMessage());
            }
        }
        model.addAttribute("passwordForm", new PasswordForm("", "", ""));
        return "settings/profile";
    }

    @PostMapping("/settings/profile/password")
    String changePassword(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("passwordForm") PasswordForm form,
                          BindingResult binding, Model model, RedirectAttributes redirect, HttpSession session) {
        if (!binding.hasFieldErrors("newPassword") && !form.newPassword().equals(form.confirmPassword())) {
            binding.rejectValue("confirmPassword", "mismatch", "The two new passwords differ.");
        }
        if (!binding.hasErrors()) {
            try {
                users.changePassword(user.userId(), form.currentPassword(), form.newPassword());
                otherSessions.end(user, session.getId());
                redirect.addFlashAttribute("success",
                        "Your password is changed, and your other sessions are signed out. Use the new one next time you sign in.");
                return "redirect:/settings/profile";
            } catch (InvalidRequestException e) {
                binding.rejectValue(e.field(), "invalid", e.getMessage());
            }
        }
        model.addAttribute("nameForm", new NameForm(users.findById(user.userId()).orElseThrow().displayName()));
        return "settings/profile";
    }
}
